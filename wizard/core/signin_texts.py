"""Sentences about signing in with Intuit and about the user's own Intuit app keys.

Whole sentences with named placeholders, kept together so the text catalogue can take them over
as they are. The sign-in relay page (relay/index.html) carries its own few sentences: it is a
static page published apart from the app.
"""

from __future__ import annotations

# --- the page the app's loopback listener answers with, in the browser -------------------------
CALLBACK_TITLE_DONE = "You can close this tab"
CALLBACK_BODY_DONE = "Go back to Sync Checkup to continue."
CALLBACK_TITLE_REFUSED = "This sign-in was refused"
CALLBACK_BODY_REFUSED = ("This answer doesn't belong to the sign-in Sync Checkup is waiting for. "
                         "Go back to Sync Checkup and click Sign in with Intuit again.")
CALLBACK_TITLE_IDLE = "Nothing to do here"
CALLBACK_BODY_IDLE = "This page is only used by Sync Checkup's sign-in."

# --- the Welcome page's QuickBooks side ---------------------------------------------------------
OWN_KEYS_BUTTON = "Use my own Intuit app keys…"
OWN_KEYS_BUTTON_ACCESSIBLE = "Use my own Intuit app keys: enter the keys of your own Intuit app"

# --- the "Use my own Intuit app keys" dialog -----------------------------------------------------
KEYS_TITLE = "Your own Intuit app keys"
KEYS_INTRO = ("If your company has its own app on the Intuit Developer site, enter its keys here. "
              "They are kept in this computer's password store and used instead of the keys "
              "that came with Sync Checkup.")
KEYS_CLIENT_ID = "Client &ID:"
KEYS_CLIENT_SECRET = "Client &secret:"
KEYS_SECRET_PLACEHOLDER = "Paste the client secret"
KEYS_SECRET_KEPT_PLACEHOLDER = "A secret is saved; paste a new one to replace it"
KEYS_KIND = "Kind of keys:"
KEYS_PRODUCTION = "&Production keys (real companies)"
KEYS_SANDBOX = "&Development keys (sandbox companies)"
KEYS_REDIRECT = "&Redirect address:"
KEYS_REDIRECT_HELP = ("The redirect address must be registered on your Intuit app exactly as it "
                      "is written here. The address already filled in is Sync Checkup's "
                      "sign-in page, which sends your browser back to this app.")
KEYS_REDIRECT_HELP_NO_PAGE = ("The redirect address must be registered on your Intuit app exactly "
                              "as it is written here. Development keys may use "
                              "{address}; production keys need an https address.")
KEYS_SAVE = "Save these keys"
KEYS_FORGET = "&Forget these keys"
KEYS_CLOSE = "Close"
KEYS_LOADING = "Looking for saved keys…"
KEYS_NONE_SAVED = "No keys of your own are saved on this computer."
KEYS_SAVED_ALREADY = "Your own keys are saved on this computer and are used to sign in."
KEYS_SAVING = "Keeping the keys in this computer's password store…"
KEYS_SAVED = "The keys are saved. Click Sign in with Intuit to sign in with them."
KEYS_FORGOTTEN = ("Your own keys were removed from this computer. Sign-ins use the keys that "
                  "came with Sync Checkup again.")
KEYS_NEED_ID = "Enter the client ID of your Intuit app."
KEYS_NEED_SECRET = "Enter the client secret of your Intuit app."
KEYS_NEED_ADDRESS = ("Enter the redirect address registered on your Intuit app, starting with "
                     "https://.")
KEYS_PRODUCTION_NEEDS_HTTPS = ("Production keys need an https redirect address: Intuit does not "
                               "send production sign-ins to {address}.")
KEYS_SIGN_IN_AGAIN = ("A QuickBooks sign-in made with other keys stays connected until it "
                      "expires; to use the new keys now, click Sign in with Intuit.")
