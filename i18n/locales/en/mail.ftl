# The e-mail a provider receives for each help request sent through the directory.
mail-request-subject = Help request for { $provider } from { $sender }
mail-request-intro = { $sender } ({ $email }) wrote to { $provider } through the providers directory:
mail-request-intro-organisation = { $sender } ({ $email }), for { $organisation }, wrote to { $provider } through the providers directory:
mail-request-reply = Answer this e-mail to reply: your answer goes straight to { $sender } at { $email }.
mail-request-inbox = The request is also in your inbox on the site: { $inbox }

# The e-mails of an account's life.
mail-hello = Hello { $name },
mail-account-footer = You receive this message because this address was given on Archipel. If it was not you, ignore it: nothing changes without the link.
mail-verify-subject = Verify your e-mail address
mail-verify-text = To verify the address of your Archipel account, open this link within two days:
mail-reset-subject = Choose a new password
mail-reset-text = Someone asked to reset the password of your Archipel account. To choose a new one, open this link within one hour. If you did not ask, ignore this message: your password stays as it is.
mail-change-subject = Confirm your new e-mail address
mail-change-text = To move your Archipel account to this address, open this link within two days:
mail-changed-subject = The address of your account changed
mail-changed-text = Your Archipel account now uses the address { $email }. If you did not ask for this, choose a new password at once with this link and write to the instance's administrators:

# Notifications by e-mail.
mail-notify-note = The moderators' note: { $note }
mail-notify-footer = You receive this e-mail because of your notification settings ({ $settings }). To stop e-mails of this kind: { $unsubscribe }
mail-digest-subject = { $count ->
    [one] One notification on Archipel
   *[other] { $count } notifications on Archipel
}
mail-digest-intro = { $count ->
    [one] Here is what happened for you since the last digest:
   *[other] Here are the { $count } things that happened for you since the last digest:
}
