package org.polity.news;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.polity.common.LocalizedText;
import org.polity.common.ProcessId;

/**
 * A news item staff publish: a title and a text in French, Dutch or English, the time it is
 * published from (readers see it from then on), and optionally the process it is about.
 *
 * @param id the identifier
 * @param title the title (at most {@value NewsTexts#MAX_TITLE} characters per language)
 * @param text the text (at most {@value NewsTexts#MAX_BODY} characters per language)
 * @param publishedAt when readers see it
 * @param process the process it is about, if any
 */
public record NewsItem(
    NewsId id,
    LocalizedText title,
    LocalizedText text,
    Instant publishedAt,
    Optional<ProcessId> process) {

  /** Checks the texts (languages fr, nl, en; lengths). */
  public NewsItem {
    Objects.requireNonNull(id, "id");
    NewsTexts.checked(title, NewsTexts.MAX_TITLE, "title");
    NewsTexts.checked(text, NewsTexts.MAX_BODY, "text");
    Objects.requireNonNull(publishedAt, "publishedAt");
    Objects.requireNonNull(process, "process");
  }

  /**
   * Whether readers see the item at a time.
   *
   * @param now the time
   * @return true once it is published
   */
  public boolean isPublishedAt(Instant now) {
    return !publishedAt.isAfter(now);
  }
}
