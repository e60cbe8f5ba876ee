package org.polity.jakarta.news;

import java.util.Objects;
import org.polity.news.NewsItem;

/**
 * A news item was published (a CDI event, fired after the commit's return). A host portal observes
 * it to send a newsletter, for instance.
 *
 * @param item the item as published
 * @param by who published it
 */
public record NewsPublished(NewsItem item, String by) {

  /** Refuses missing parts. */
  public NewsPublished {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(by, "by");
  }
}
