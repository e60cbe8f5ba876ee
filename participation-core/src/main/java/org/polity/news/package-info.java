/**
 * News and events that staff publish and residents read: {@link org.polity.news.NewsItem} (a dated
 * text) and {@link org.polity.news.Event} (a {@link org.polity.news.Schedule} and a {@link
 * org.polity.news.Place}), each in French, Dutch and English, optionally about a process. {@link
 * org.polity.news.NewsFeed} orders and pages them for readers. Plain Java, no framework.
 */
package org.polity.news;
