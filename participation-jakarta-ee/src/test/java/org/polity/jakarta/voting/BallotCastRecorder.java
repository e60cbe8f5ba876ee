package org.polity.jakarta.voting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A host portal's observer, as a test sees it: records every {@link BallotCast}. */
@ApplicationScoped
public class BallotCastRecorder {

  private final List<BallotCast> events = new CopyOnWriteArrayList<>();
  private final List<VoteRescheduled> rescheduled = new CopyOnWriteArrayList<>();

  void onBallotCast(@Observes BallotCast event) {
    events.add(event);
  }

  void onVoteRescheduled(@Observes VoteRescheduled event) {
    rescheduled.add(event);
  }

  List<VoteRescheduled> rescheduled() {
    return rescheduled;
  }

  List<BallotCast> events() {
    return events;
  }
}
