/** End-to-end tests of the portal in a real headless Chromium (Selenium WebDriver). */
package org.polity.portal.browser;
