package cloud.reencrypt.fgs;

import cloud.reencrypt.config.Configuration;
import cloud.reencrypt.config.ConfigurationException;
import cloud.reencrypt.kms.ReEncryptRequest;
import cloud.reencrypt.service.ObjectReEncryption;
import cloud.reencrypt.service.ObjectSettings;
import cloud.reencrypt.service.RecordSummary;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.wiring.ObjectSettingsOf;
import cloud.reencrypt.wiring.ObsStores;
import com.huawei.services.runtime.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The OBS handler ({@code cloud.reencrypt.fgs.ObsHandler.handleRequest}, the name Terraform
 * deploys). Takes any of the three OBS event shapes as a plain map (the runtime can deserialise
 * every shape into one), re-encrypts each created object into {@code OUTPUT_BUCKET} at {@code
 * OUTPUT_PREFIX} + key (the use case, {@link ObjectReEncryption}) and returns one summary per
 * record. The handler itself only reads the event and reports.
 *
 * <p>A record that fails never stops the others; its summary says why, and marks it {@code
 * temporary} when the cause may pass (KMS or OBS unavailable): delivering the same event again
 * redoes only what is not done, since finished outputs record their source's ETag. The summary and
 * the logs name buckets, keys and error codes only, never ciphertexts or plaintext.
 */
public final class ObsHandler {
  private final FunctionSetup setup;

  /** OBS, with each invocation's agency credentials: the deployed function's stores. */
  static final StoreFactory OBS_STORES =
      (context, configuration) ->
          ObsStores.forInvocation(configuration, FunctionSetup.agencyKey(context));

  /** The object key of the initializer's rehearsal; no source has it. */
  private static final String REHEARSAL_KEY = ".reencrypt-initializer";

  /** An OBS event whose one record names an object but no bucket, so it is never looked up. */
  private static final Map<String, Object> REHEARSAL_EVENT =
      Map.of("Records", List.of(Map.of("s3", Map.of("object", Map.of("key", "initializer")))));

  private final StoreFactory stores;

  /** The constructor FunctionGraph calls: OBS through the context's agency credentials. */
  public ObsHandler() {
    this(new FunctionSetup(System.getenv()), OBS_STORES);
  }

  ObsHandler(FunctionSetup setup, StoreFactory stores) {
    this.setup = setup;
    this.stores = stores;
  }

  /** A handler on a given store (the local directory store of {@code invoke --objects}). */
  public static ObsHandler withStore(ObjectStore store) {
    return new ObsHandler(new FunctionSetup(System.getenv()), (context, configuration) -> store);
  }

  /**
   * FunctionGraph's initializer ({@code initializer_handler =
   * "cloud.reencrypt.fgs.ObsHandler.initializer"}): builds and warms what the first event needs, on
   * this instance ({@link FunctionLifecycle#initialize}).
   *
   * @throws ConfigurationException when the function's configuration is bad (one line)
   */
  public void initializer(Context context) {
    // One run: each run's refused event is an error line on the log, and the first object's other
    // cost, the store's write path, is the store's own warm-up (warmUpStore).
    FunctionLifecycle.initialize(setup, context, this::rehearse, 1);
  }

  /**
   * The engine's request through the service, then an event whose one record names no bucket
   * through this handler (the event is read, the store opened and the record refused and
   * summarised, without any call to a bucket), then the store's part of a first object.
   */
  private void rehearse(ReEncryptRequest request, Context context) {
    try {
      setup.service(context).reEncrypt(request);
    } finally {
      handleRequest(REHEARSAL_EVENT, context);
      warmUpStore(context);
    }
  }

  /**
   * The store's write path where that is free ({@link ObjectStore#warmUpWrites}: the directory
   * store's, in a scratch directory), then, with {@code OUTPUT_BUCKET} set, the look-up of an
   * earlier output, as every object does first, for a key no source has: a {@code HeadObject} that
   * finds nothing and needs no permission beyond that look-up's. On OBS it opens the instance's
   * shared client's connection to the output bucket, which the first object's look-up and upload
   * then reuse. A failure is only logged: the first object meets it again and reports it.
   */
  private void warmUpStore(Context context) {
    Configuration configuration = setup.ready(context).configuration();
    try (ObjectStore store = stores.open(context, configuration)) {
      store.warmUpWrites();
      if (configuration.outputBucket().isPresent()) {
        store.head(
            configuration.outputBucket().get(), configuration.outputPrefix() + REHEARSAL_KEY);
      }
    } catch (IOException | RuntimeException e) {
      context.getLogger().warn("initializer: store warm-up failed: " + e.getMessage());
    }
  }

  /**
   * FunctionGraph's snapshot restore hook ({@code restore_hook_handler =
   * "cloud.reencrypt.fgs.ObsHandler.restoreHook"}): fresh random sources, no inherited credentials
   * ({@link FunctionLifecycle#restore}).
   */
  public void restoreHook(Context context) {
    FunctionLifecycle.restore(setup, context);
  }

  /**
   * Handles one OBS event.
   *
   * @throws ConfigurationException when the function's configuration is bad (one line)
   */
  public ObsSummary handleRequest(Map<String, Object> event, Context context) {
    FunctionSetup.Ready ready = setup.ready(context);
    ObjectSettings settings = settings(ready, context);
    List<ObsRecord> records;
    try {
      records = ObsEvents.records(event);
    } catch (IllegalArgumentException e) {
      context.getLogger().warn("obs " + e.getMessage());
      return ObsSummary.of(List.of(RecordSummary.unusable(null, null, e.getMessage())));
    }
    List<RecordSummary> summaries = new ArrayList<>(records.size());
    try (ObjectStore store = stores.open(context, ready.configuration())) {
      ObjectReEncryption useCase =
          new ObjectReEncryption(
              store, setup.service(context), settings, context::getRemainingTimeInMilliSeconds);
      for (ObsRecord record : records) {
        RecordSummary summary =
            record.event() == null ? record.failure() : useCase.process(record.event());
        log(context, summary);
        summaries.add(summary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the object store could not be opened", e);
    }
    return ObsSummary.of(summaries);
  }

  private static ObjectSettings settings(FunctionSetup.Ready ready, Context context) {
    Configuration configuration = ready.configuration();
    String destination =
        configuration
            .destinationKeyId()
            .or(ready::defaultDestinationKeyId)
            .orElseThrow(
                () -> {
                  ConfigurationException e =
                      new ConfigurationException(
                          "DESTINATION_KEY_ID is required by the OBS handler");
                  context.getLogger().error(e.getMessage());
                  return e;
                });
    return ObjectSettingsOf.configuration(configuration, destination);
  }

  private static void log(Context context, RecordSummary summary) {
    String line =
        "obs "
            + summary.status()
            + " "
            + summary.bucket()
            + "/"
            + summary.key()
            + (summary.errorCode() == null ? "" : " " + summary.errorCode())
            + (summary.reason() == null ? "" : ": " + summary.reason());
    if (summary.isFailed()) {
      context.getLogger().error(line);
    } else {
      context.getLogger().info(line);
    }
  }
}
