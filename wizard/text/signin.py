"""Sentences about signing in with Intuit and about the user's own Intuit app keys.

Whole sentences with named placeholders, marked for the catalogue with `N_` and translated with
`_` where they are shown. The sign-in relay page (relay/index.html) carries its own few
sentences: it is a static page published apart from the app.
"""

from __future__ import annotations

from wizard.text import N_

# --- the page the app's loopback listener answers with, in the browser -------------------------
CALLBACK_TITLE_DONE = N_("You can close this tab")
CALLBACK_BODY_DONE = N_("Go back to Sync Checkup to continue.")
CALLBACK_TITLE_REFUSED = N_("This sign-in was refused")
CALLBACK_BODY_REFUSED = N_("This answer doesn't belong to the sign-in Sync Checkup is waiting for. "
                            "Go back to Sync Checkup and click Sign in with Intuit again.")
CALLBACK_TITLE_IDLE = N_("Nothing to do here")
CALLBACK_BODY_IDLE = N_("This page is only used by Sync Checkup's sign-in.")

# --- the Welcome page's QuickBooks side ---------------------------------------------------------
OWN_KEYS_BUTTON = N_("Use my own Intuit app keys…")
OWN_KEYS_BUTTON_ACCESSIBLE = N_("Use my own Intuit app keys: enter the keys of your own Intuit app")

# --- the "Use my own Intuit app keys" dialog -----------------------------------------------------
KEYS_TITLE = N_("Your own Intuit app keys")
KEYS_INTRO = N_("If your company has its own app on the Intuit Developer site, enter its keys "
                 "here. They are kept in this computer's password store and used instead of "
                 "the keys that came with Sync Checkup.")
KEYS_CLIENT_ID = N_("Client &ID:")
KEYS_CLIENT_SECRET = N_("Client &secret:")
KEYS_SECRET_PLACEHOLDER = N_("Paste the client secret")
KEYS_SECRET_KEPT_PLACEHOLDER = N_("A secret is saved; paste a new one to replace it")
KEYS_KIND = N_("Kind of keys:")
KEYS_PRODUCTION = N_("&Production keys (real companies)")
KEYS_SANDBOX = N_("&Development keys (sandbox companies)")
KEYS_REDIRECT = N_("&Redirect address:")
KEYS_REDIRECT_HELP = N_("The redirect address must be registered on your Intuit app exactly as it "
                         "is written here. The address already filled in is Sync Checkup's "
                         "sign-in page, which sends your browser back to this app.")
KEYS_REDIRECT_HELP_NO_PAGE = N_("The redirect address must be registered on your Intuit app "
                                 "exactly as it is written here. Development keys may use "
                                 "{address}; production keys need an https address.")
KEYS_SAVE = N_("Save these keys")
KEYS_FORGET = N_("&Forget these keys")
KEYS_CLOSE = N_("Close")
KEYS_LOADING = N_("Looking for saved keys…")
KEYS_NONE_SAVED = N_("No keys of your own are saved on this computer.")
KEYS_SAVED_ALREADY = N_("Your own keys are saved on this computer and are used to sign in.")
KEYS_SAVING = N_("Keeping the keys in this computer's password store…")
KEYS_SAVED = N_("The keys are saved. Click Sign in with Intuit to sign in with them.")
KEYS_FORGOTTEN = N_("Your own keys were removed from this computer. Sign-ins use the keys that "
                     "came with Sync Checkup again.")
KEYS_NEED_ID = N_("Enter the client ID of your Intuit app.")
KEYS_NEED_SECRET = N_("Enter the client secret of your Intuit app.")
KEYS_NEED_ADDRESS = N_("Enter the redirect address registered on your Intuit app, starting with "
                        "https://.")
KEYS_PRODUCTION_NEEDS_HTTPS = N_("Production keys need an https redirect address: Intuit does not "
                                  "send production sign-ins to {address}.")
KEYS_SIGN_IN_AGAIN = N_("A QuickBooks sign-in made with other keys stays connected until it "
                         "expires; to use the new keys now, click Sign in with Intuit.")
