package org.polity.ballot;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.polity.common.ProjectId;

/**
 * The projects of an approval ballot: a small immutable set that keeps the order given, stored as
 * an array. A vote of hundreds of thousands of ballots keeps them all in memory while it is
 * counted, and a hash set per ballot weighs about seven times more than this array. Lookups are
 * linear, which is faster than hashing for the handful of projects a ballot names; ballots naming
 * more than {@value #MAX} projects use a hash set instead (see {@code Ballot}).
 */
final class ProjectSet extends AbstractSet<ProjectId> {

  /** The most projects stored as an array. */
  static final int MAX = 32;

  private final ProjectId[] ids;

  /**
   * @param ids distinct non-null ids, in order; not copied (the caller gives up the array)
   */
  ProjectSet(ProjectId[] ids) {
    this.ids = ids;
  }

  @Override
  public int size() {
    return ids.length;
  }

  @Override
  public boolean contains(Object o) {
    for (ProjectId id : ids) {
      if (id.equals(o)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Iterator<ProjectId> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < ids.length;
      }

      @Override
      public ProjectId next() {
        if (next >= ids.length) {
          throw new NoSuchElementException();
        }
        return ids[next++];
      }
    };
  }
}
