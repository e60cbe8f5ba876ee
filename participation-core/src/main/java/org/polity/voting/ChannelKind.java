package org.polity.voting;

/** The kinds of channel through which a ballot reaches the ballot box, for turnout figures. */
public enum ChannelKind {
  /** Cast by the voter on the web or in an app. */
  ONLINE,
  /** A paper ballot encoded by staff at a desk. */
  DESK,
  /** Cast in a voting booth (a supervised terminal). */
  BOOTH
}
