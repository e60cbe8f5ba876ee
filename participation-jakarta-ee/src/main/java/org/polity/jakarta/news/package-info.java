/**
 * News and events (the capability {@code news}): staff publish news items and announce events,
 * residents and anonymous readers read them. {@link org.polity.jakarta.news.NewsService} is the
 * application service; {@link org.polity.jakarta.news.NewsResource} ({@code /api/v1/news}) and
 * {@link org.polity.jakarta.news.EventResource} ({@code /api/v1/events}) its REST face; {@link
 * org.polity.jakarta.news.NewsCapability} declares it all. The domain is core's {@code
 * org.polity.news}. Added without editing any central file: see docs/development.md, "Adding a
 * capability".
 */
package org.polity.jakarta.news;
