/**
 * The adapter's settings: every key starts with {@code polity.}, is read once through MicroProfile
 * Config, is typed, has a default where a safe one exists, and is checked when the application
 * starts ({@link org.polity.jakarta.config.PolitySettings}). docs/embedding.md lists every key.
 */
package org.polity.jakarta.config;
