# The e-mail a provider receives for each help request sent through the directory.
mail-request-subject = Help request for { $provider } from { $sender }
mail-request-intro = { $sender } ({ $email }) wrote to { $provider } through the providers directory:
mail-request-intro-organisation = { $sender } ({ $email }), for { $organisation }, wrote to { $provider } through the providers directory:
mail-request-reply = Answer this e-mail to reply: your answer goes straight to { $sender } at { $email }.
mail-request-inbox = The request is also in your inbox on the site: { $inbox }
