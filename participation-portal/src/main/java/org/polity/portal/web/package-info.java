/**
 * What every page shares: the reader's language and texts ({@link org.polity.portal.web.Page}), the
 * templates compiled at build time ({@link org.polity.portal.web.Templates}), the protection of
 * forms against cross-site requests ({@link org.polity.portal.web.CsrfProtection}) and the static
 * files ({@link org.polity.portal.web.AssetsResource}).
 */
package org.polity.portal.web;
