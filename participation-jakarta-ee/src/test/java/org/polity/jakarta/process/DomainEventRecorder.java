package org.polity.jakarta.process;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.polity.jakarta.events.IdeaSubmitted;
import org.polity.jakarta.events.PhaseOpened;
import org.polity.jakarta.events.ProjectStatusChanged;
import org.polity.jakarta.events.ResultsPublished;

/** A host portal's observer, as a test sees it: records every domain event, in order. */
@ApplicationScoped
public class DomainEventRecorder {

  private final List<Object> events = new CopyOnWriteArrayList<>();

  void onIdea(@Observes IdeaSubmitted event) {
    events.add(event);
  }

  void onStatus(@Observes ProjectStatusChanged event) {
    events.add(event);
  }

  void onPhase(@Observes PhaseOpened event) {
    events.add(event);
  }

  void onResults(@Observes ResultsPublished event) {
    events.add(event);
  }

  List<Object> events() {
    return events;
  }

  void clear() {
    events.clear();
  }
}
