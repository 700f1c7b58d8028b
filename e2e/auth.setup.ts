import { test as setup } from '@playwright/test';
import { SHARED_ACCOUNTS, signInAndWait, storageStateFile } from './helpers';

// Each shared account signs in once per run, through the form as a person would; the specs that
// only need "a signed-in X" start from the browser state kept here (helpers.ts, signedInAs).
for (const email of SHARED_ACCOUNTS) {
  setup(`sign in ${email} for the specs that share it`, async ({ page }) => {
    await signInAndWait(page, email);
    await page.context().storageState({ path: storageStateFile(email) });
  });
}
