package cloud.reencrypt.wiring;

import cloud.reencrypt.config.Configuration;
import cloud.reencrypt.config.ConfigurationException;
import cloud.reencrypt.config.Credentials;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.obs.ObsConnection;
import java.util.Map;
import java.util.Optional;

/**
 * The OBS store of one invocation: endpoint from {@code OBS_ENDPOINT}; credentials from the context
 * (the function's agency: temporary AK/SK and security token) when it has them, otherwise, off
 * FunctionGraph only, from {@value #ACCESS_KEY_VARIABLE}, {@value #SECRET_KEY_VARIABLE} and, for
 * temporary credentials, {@value #SECURITY_TOKEN_VARIABLE}. The one place the OBS store is built,
 * so that {@code store} never depends on {@code store.obs}. The stores of consecutive invocations
 * share one client ({@link ObsConnection}) while the credentials stay the same, so warm invocations
 * reuse its connections to OBS.
 */
public final class ObsStores {
  static final String ACCESS_KEY_VARIABLE = "OBS_ACCESS_KEY_ID";
  static final String SECRET_KEY_VARIABLE = "OBS_SECRET_ACCESS_KEY";
  static final String SECURITY_TOKEN_VARIABLE = "OBS_SECURITY_TOKEN";

  /** The OBS handler's need for {@code OBS_ENDPOINT}, run locally by {@code invoke}. */
  static final String FOR_EVENTS = "for OBS events (or run invoke with --objects DIR)";

  /** The connection of the agency's current credentials; guarded by the class. */
  private static ObsConnection connection;

  private ObsStores() {}

  /**
   * The store for one invocation of the OBS handler.
   *
   * @param agency the context's agency credentials, if it has any
   * @throws ConfigurationException when the endpoint or the credentials are missing or malformed
   */
  public static ObjectStore forInvocation(
      Configuration configuration, Optional<Credentials> agency) {
    return forInvocation(configuration, agency, FOR_EVENTS);
  }

  /**
   * The store for one invocation, whose caller says what a missing {@code OBS_ENDPOINT} is needed
   * for: only it knows which command runs and what its user can give instead.
   *
   * @param agency the context's agency credentials, if it has any
   * @param withoutEndpoint what follows "OBS_ENDPOINT is required " in the message when it is
   *     unset, such as {@code "to reach OBS (or give --objects DIR)"}
   * @throws ConfigurationException when the endpoint or the credentials are missing or malformed
   */
  public static ObjectStore forInvocation(
      Configuration configuration, Optional<Credentials> agency, String withoutEndpoint) {
    String endpoint =
        configuration
            .obsEndpoint()
            .orElseThrow(
                () -> new ConfigurationException("OBS_ENDPOINT is required " + withoutEndpoint));
    try {
      return shared(endpoint, credentials(configuration, agency));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(e.getMessage());
    }
  }

  /**
   * A store on this process's connection to {@code endpoint} with {@code credentials}: the same one
   * as the last invocation's while the agency's credentials stay the same, a new one (the old one
   * retired) when they change.
   */
  static synchronized ObjectStore shared(String endpoint, Credentials credentials) {
    if (connection == null || !connection.isFor(endpoint, credentials)) {
      forget();
      connection = ObsConnection.to(endpoint, credentials);
    }
    return connection.store();
  }

  /**
   * Drops the process's connection, which closes once its open stores are closed: the snapshot
   * restore hook's part, since the connection holds the snapshot's temporary credentials and pooled
   * sockets.
   */
  public static synchronized void forget() {
    if (connection != null) {
      connection.retire();
      connection = null;
    }
  }

  private static Credentials credentials(
      Configuration configuration, Optional<Credentials> agency) {
    if (agency.isPresent()) {
      return agency.get();
    }
    if (configuration.inFunctionGraph()) {
      throw new ConfigurationException(
          "the context has no agency credentials for OBS: give the function an agency (app_agency)");
    }
    return fromEnvironment(System.getenv());
  }

  /**
   * Credentials from the {@code OBS_*} variables.
   *
   * @throws IllegalArgumentException in one line naming the missing variables
   */
  static Credentials fromEnvironment(Map<String, String> environment) {
    return Credentials.ifPresent(
            environment.get(ACCESS_KEY_VARIABLE),
            environment.get(SECRET_KEY_VARIABLE),
            environment.get(SECURITY_TOKEN_VARIABLE))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "OBS credentials missing: set "
                        + ACCESS_KEY_VARIABLE
                        + " and "
                        + SECRET_KEY_VARIABLE
                        + " (and "
                        + SECURITY_TOKEN_VARIABLE
                        + " for temporary credentials)"));
  }
}
