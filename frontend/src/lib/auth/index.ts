export { AuthProvider, useAuth, type AuthContextValue, type AuthState } from './auth-provider';
export { RedirectIfSignedIn } from './redirect-if-signed-in';
export { RequireAuth } from './require-auth';
export { pathAfterSignIn, returnStateFor, type ReturnState } from './return-path';
export { tokenStorage } from './token-storage';
