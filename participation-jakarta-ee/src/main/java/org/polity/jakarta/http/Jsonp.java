package org.polity.jakarta.http;

import jakarta.json.spi.JsonProvider;

/**
 * The Jakarta JSON Processing provider, looked up once. {@code jakarta.json.Jsonp.JSON.create...}
 * looks the provider up on every call, scanning the class path and queueing request threads on jar
 * locks; the vote-intake benchmark measured it as the largest single cost of casting a ballot.
 * Every JSON builder, reader and writer of the adapter comes from {@link #JSON}; providers are
 * thread safe.
 */
public final class Jsonp {

  /** The provider of the runtime (Parsson standalone, the application server's in a portal). */
  public static final JsonProvider JSON = JsonProvider.provider();

  private Jsonp() {}
}
