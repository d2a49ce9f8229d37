# The directory's vocabularies: one prefix per code list (see app/src/labels.rs).

## Vrste pomoći
dir-help-hosting = Udomljavanje usluga
dir-help-training = Edukacija
dir-help-migration = Podrška pri prelasku
dir-help-audit = Procjena i revizija
dir-help-development = Razvoj po mjeri
dir-help-other = Ostala pomoć

## Udomljene usluge
dir-service-nextcloud = Nextcloud (datoteke, kalendari, kontakti)
dir-service-collabora = Zajedničko uređivanje dokumenata (Collabora, OnlyOffice)
dir-service-mattermost = Timski chat (Mattermost)
dir-service-matrix = Matrix chat (Element)
dir-service-forms = Mrežni obrasci
dir-service-polls = Ankete i dogovaranje termina
dir-service-peertube = Video (PeerTube)
dir-service-mastodon = Društvena mreža (Mastodon)
dir-service-jitsi = Videopozivi (Jitsi Meet)
dir-service-bigbluebutton = Virtualne učionice (BigBlueButton)
dir-service-etherpad = Zajednički blokovi za pisanje (Etherpad)
dir-service-wiki = Wiki
dir-service-email = E-pošta
dir-service-mailing-lists = Popisi za slanje e-pošte
dir-service-website = Mrežno mjesto
dir-service-crm = Upravljanje članstvom i donacijama
dir-service-other = Ostala usluga

## Modeli cijena
dir-price-free = Besplatno
dir-price-donation = Donacija
dir-price-paid = Uz naplatu
dir-price-sliding-scale = Cijena prema mogućnostima

## Pravni oblici
dir-legal-association = Udruga
dir-legal-cooperative = Zadruga
dir-legal-company = Tvrtka
dir-legal-individual = Samozaposlena osoba
dir-legal-public = Javno tijelo
dir-legal-other = Drugi oblik

## Obveze povelje
dir-commitment-free-software = Koristiti samo slobodni softver i objaviti izvorni kod naših izmjena
dir-commitment-open-standards = Davati prednost otvorenim standardima i formatima
dir-commitment-no-advertising = Bez oglašavanja
dir-commitment-no-tracking = Bez praćenja i profiliranja osoba
dir-commitment-portability = Omogućiti preuzimanje podataka u bilo kojem trenutku, u otvorenom formatu
dir-commitment-transparent-pricing = Objaviti naše cijene, iste za sve u istoj situaciji
dir-commitment-european-hosting = Čuvati podatke u Europi, prema europskom pravu
dir-commitment-accessibility = Učiniti usluge i dokumente dostupnima osobama s invaliditetom
dir-commitment-backups = Redovito izrađivati provjerene sigurnosne kopije pohranjene na drugom mjestu
dir-commitment-sober-design = Dizajnirati umjereno i koristiti opremu što dulje

## Stanja pregleda
dir-status-draft = Nacrt
dir-status-pending = Čeka pregled
dir-status-published = Objavljeno
dir-status-changes-pending = Objavljeno, izmjene čekaju pregled
dir-status-rejected = Vraćeno na doradu

## Države
country-ad = Andora
country-al = Albanija
country-at = Austrija
country-ba = Bosna i Hercegovina
country-be = Belgija
country-bg = Bugarska
country-ch = Švicarska
country-cy = Cipar
country-cz = Češka
country-de = Njemačka
country-dk = Danska
country-ee = Estonija
country-es = Španjolska
country-fi = Finska
country-fr = Francuska
country-gb = Ujedinjena Kraljevina
country-gr = Grčka
country-hr = Hrvatska
country-hu = Mađarska
country-ie = Irska
country-is = Island
country-it = Italija
country-li = Lihtenštajn
country-lt = Litva
country-lu = Luksemburg
country-lv = Latvija
country-mc = Monako
country-md = Moldavija
country-me = Crna Gora
country-mk = Sjeverna Makedonija
country-mt = Malta
country-nl = Nizozemska
country-no = Norveška
country-pl = Poljska
country-pt = Portugal
country-ro = Rumunjska
country-rs = Srbija
country-se = Švedska
country-si = Slovenija
country-sk = Slovačka
country-sm = San Marino
country-ua = Ukrajina
country-va = Vatikan
country-xk = Kosovo
