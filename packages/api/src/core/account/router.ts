import { router } from '@passerelle/trpc';
import { deleteAccount } from './delete-account.ts';
import { exportData } from './export-data.ts';
import { login } from './login.ts';
import { logout } from './logout.ts';
import { me } from './me.ts';
import { requestPasswordReset } from './request-password-reset.ts';
import { resendVerification } from './resend-verification.ts';
import { resetPassword } from './reset-password.ts';
import { signUp } from './sign-up.ts';
import { updateProfile } from './update-profile.ts';
import { verifyEmail } from './verify-email.ts';

export const accountRouter = router({
  me,
  signUp,
  verifyEmail,
  resendVerification,
  login,
  logout,
  requestPasswordReset,
  resetPassword,
  updateProfile,
  exportData,
  deleteAccount
});
