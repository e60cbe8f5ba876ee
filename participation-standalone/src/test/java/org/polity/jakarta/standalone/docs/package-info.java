/**
 * Documentation generated from the code: {@link
 * org.polity.jakarta.standalone.docs.SettingsReference} writes {@code docs/settings.md} from the
 * capabilities' descriptors, and a test fails when the file is out of date.
 */
package org.polity.jakarta.standalone.docs;
