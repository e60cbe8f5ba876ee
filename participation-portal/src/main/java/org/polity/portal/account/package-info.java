/**
 * The portal's own accounts, for self-hosting: sign-up, sign-in with Argon2id passwords and
 * throttling, sessions in an {@code HttpOnly} cookie ({@link
 * org.polity.portal.account.SessionFilter}), password reset by mail, the first administrator's
 * set-up link, and the staff's verification of residents at the desk. {@link
 * org.polity.portal.account.AccountService} applies every rule; {@link
 * org.polity.portal.account.AccountPages} only translates HTTP.
 */
package org.polity.portal.account;
