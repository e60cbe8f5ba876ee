package org.polity.jakarta.results;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.polity.jakarta.events.ResultsPublished;

/** A host portal's observer of published results, as a test sees it. */
@ApplicationScoped
public class ResultsObserver {

  private final List<ResultsPublished> events = new CopyOnWriteArrayList<>();

  void onResults(@Observes ResultsPublished event) {
    events.add(event);
  }

  List<ResultsPublished> events() {
    return events;
  }
}
