package org.polity.jakarta.news;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.polity.common.LocalizedText;
import org.polity.common.ProcessId;

/**
 * What staff write to publish or edit a news item.
 *
 * @param title the title
 * @param text the text
 * @param publishedAt when readers see it; empty for now (an edit keeps the time it had)
 * @param process the process it is about, if any
 */
public record NewsDraft(
    LocalizedText title,
    LocalizedText text,
    Optional<Instant> publishedAt,
    Optional<ProcessId> process) {

  /** Refuses missing parts. */
  public NewsDraft {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(publishedAt, "publishedAt");
    Objects.requireNonNull(process, "process");
  }
}
