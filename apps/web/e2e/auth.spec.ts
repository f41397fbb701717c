import { expect, test } from '@playwright/test';
import { linkFromMail, logIn, uniqueEmail } from './helpers.ts';

for (const javaScriptEnabled of [true, false]) {
  test.describe(`accounts (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, () => {
    test.use({ javaScriptEnabled });

    test('sign up, verify by email, log in, log out, reset the password', async ({ page }) => {
      const email = uniqueEmail(javaScriptEnabled ? 'js' : 'nojs');
      const password = 'un mot de passe solide';

      await page.goto('/fr/signup');
      await page.locator('#displayName').fill('Aïcha');
      await page.locator('#email').fill(email);
      await page.locator('#password').fill(password);
      await page.getByRole('button', { name: 'Créer mon compte' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Regardez vos e-mails');

      // Not verified yet: login is refused with a clear message.
      await page.goto('/fr/login');
      await page.locator('#email').fill(email);
      await page.locator('#password').fill(password);
      await page.locator('main form button[type=submit]').click();
      await expect(page.getByRole('alert')).toContainText("Confirmez d'abord votre adresse e-mail");

      const verify = await linkFromMail(email, '/verify-email');
      await page.goto(verify);
      await page.getByRole('button', { name: 'Confirmer' }).click();
      await expect(page).toHaveURL(/\/fr\/login\?verified=1/);

      await logIn(page, email, password);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mon compte');
      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await expect(page.getByRole('navigation', { name: 'Compte' }).getByRole('link', { name: 'Se connecter' })).toBeVisible();
      await page.goto('/fr/account');
      await expect(page).toHaveURL(/\/fr\/login/);

      await page.goto('/fr/forgot-password');
      await page.locator('#email').fill(email);
      await page.getByRole('button', { name: 'Envoyer le lien' }).click();
      await expect(page.getByText('Si un compte existe')).toBeVisible();
      const reset = await linkFromMail(email, '/reset-password');
      await page.goto(reset);
      const newPassword = 'un autre mot de passe';
      await page.locator('#password').fill(newPassword);
      await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
      await expect(page).toHaveURL(/\/fr\/login\?reset=1/);
      await logIn(page, email, newPassword);

      // The used reset link does not work twice.
      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await page.goto(reset);
      await page.locator('#password').fill('encore un mot de passe');
      await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
      await expect(page.getByRole('alert')).toContainText("Ce lien n'est plus valide");
    });

    test('a failed form shows an error summary linked to the fields, and keeps what was typed', async ({ page }) => {
      await page.goto('/fr/signup');
      await page.locator('#displayName').fill('Jan');
      await page.locator('#email').fill('pas-une-adresse');
      await page.getByRole('button', { name: 'Créer mon compte' }).click();
      const summary = page.getByRole('alert');
      await expect(summary).toContainText('Il y a un problème');
      await expect(summary.getByRole('link', { name: /adresse e-mail correcte/ })).toHaveAttribute('href', '#email');
      await expect(page.locator('#displayName')).toHaveValue('Jan');
      await expect(page.locator('#email')).toHaveAttribute('aria-invalid', 'true');
    });
  });
}
