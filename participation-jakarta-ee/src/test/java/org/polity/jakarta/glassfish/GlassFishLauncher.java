package org.polity.jakarta.glassfish;

import java.io.File;
import java.lang.reflect.Method;

/**
 * Runs in a JVM of its own whose class path is GlassFish embedded and this class only: starts
 * GlassFish on a port, deploys a WAR, prints {@value #READY} (or {@value #FAILED}), and stops when
 * its standard input closes. It uses GlassFish's public embedding API ({@code
 * org.glassfish.embeddable}) by reflection, so that the adapter's test sources need not compile
 * against GlassFish.
 */
public final class GlassFishLauncher {

  /** Printed once the WAR is deployed: {@code READY <context root>}. */
  static final String READY = "POLITY-GLASSFISH-READY";

  /** Printed when the WAR could not be deployed. */
  static final String FAILED = "POLITY-GLASSFISH-FAILED";

  private GlassFishLauncher() {}

  /**
   * Starts GlassFish.
   *
   * @param args the HTTP port, the WAR file, the context root
   * @throws Exception when GlassFish fails to start
   */
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    File war = new File(args[1]);
    String contextRoot = args[2];
    Class<?> runtimeType = Class.forName("org.glassfish.embeddable.GlassFishRuntime");
    Class<?> propertiesType = Class.forName("org.glassfish.embeddable.GlassFishProperties");
    Class<?> glassFishType = Class.forName("org.glassfish.embeddable.GlassFish");
    Class<?> deployerType = Class.forName("org.glassfish.embeddable.Deployer");
    Object runtime = runtimeType.getMethod("bootstrap").invoke(null);
    Object properties = propertiesType.getConstructor().newInstance();
    propertiesType
        .getMethod("setPort", String.class, int.class)
        .invoke(properties, "http-listener", port);
    Object glassFish =
        runtimeType.getMethod("newGlassFish", propertiesType).invoke(runtime, properties);
    glassFishType.getMethod("start").invoke(glassFish);
    Object deployer = glassFishType.getMethod("getDeployer").invoke(glassFish);
    Method deploy = deployerType.getMethod("deploy", File.class, String[].class);
    Object name =
        deploy.invoke(
            deployer, war, new String[] {"--name=portal", "--contextroot=" + contextRoot});
    System.out.println(name == null ? FAILED : READY + " " + contextRoot);
    System.out.flush();
    try {
      while (System.in.read() >= 0) {
        // wait for the test to close our standard input
      }
    } finally {
      glassFishType.getMethod("stop").invoke(glassFish);
      glassFishType.getMethod("dispose").invoke(glassFish);
      runtimeType.getMethod("shutdown").invoke(runtime);
    }
    System.exit(name == null ? 1 : 0);
  }
}
