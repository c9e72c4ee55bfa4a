package cloud.reencrypt.fgs;

import static cloud.reencrypt.testing.DemoKms.AES;
import static cloud.reencrypt.testing.DemoKms.SM4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.config.ConfigurationException;
import cloud.reencrypt.fgs.local.EventTemplates;
import cloud.reencrypt.fgs.local.RuntimeJson;
import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.kms.cloud.Jitter;
import cloud.reencrypt.kms.local.crypto.Randomness;
import cloud.reencrypt.store.ForwardingObjectStore;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStores;
import cloud.reencrypt.testing.DemoKms;
import cloud.reencrypt.wiring.EngineFactory;
import com.huawei.services.runtime.Context;
import com.huawei.services.runtime.entity.apig.APIGTriggerEvent;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The initializer and the snapshot restore hook of both handlers. */
class FunctionLifecycleTest {
  private final HandlerContexts contexts = new HandlerContexts(Map.of("DESTINATION_KEY_ID", SM4));
  private final List<Context> builtFrom = new ArrayList<>();
  private final List<String> engineCalls = new ArrayList<>();
  private final List<Long> remainingGiven = new ArrayList<>();

  /** Whether the engine answers as KMS does: no free ciphertexts for the rehearsal. */
  private boolean likeKms;

  private final FunctionSetup setup =
      new FunctionSetup(
          Map.of(),
          (configuration, context) -> {
            builtFrom.add(context);
            return new EngineFactory.Choice(recordingEngine(), Optional.empty());
          });

  private KmsEngine recordingEngine() {
    return (KmsEngine)
        Proxy.newProxyInstance(
            KmsEngine.class.getClassLoader(),
            new Class<?>[] {KmsEngine.class},
            (proxy, method, args) -> {
              if (method.getName().equals("withRemainingTime")) {
                remainingGiven.add(((LongSupplier) args[0]).getAsLong());
                return proxy;
              }
              engineCalls.add(method.getName());
              if (likeKms && method.getName().equals("rehearsalCiphertext")) {
                return Optional.empty();
              }
              try {
                return method.invoke(DemoKms.engine(), args);
              } catch (InvocationTargetException e) {
                throw e.getCause(); // as the engine threw it
              }
            });
  }

  private static APIGTriggerEvent reEncrypt() {
    String body =
        "{\"cipher_text\":\""
            + DemoKms.encrypt(AES, "lifecycle")
            + "\",\"destination_key_id\":\""
            + SM4
            + "\"}";
    return RuntimeJson.bind(
        EventTemplates.apig("POST", "/kms/re-encrypt", body), APIGTriggerEvent.class);
  }

  @Test
  void initializer_thenRequest_handlerUsesTheSetupTheInitializerBuilt() {
    ApigHandler handler = new ApigHandler(setup);

    handler.initializer(contexts.context);
    FunctionSetup.Ready initialized = setup.built().orElseThrow();
    int status = handler.handleRequest(reEncrypt(), contexts.context).getStatusCode();

    assertEquals(200, status);
    assertSame(initialized, setup.built().orElseThrow());
    assertEquals(1, builtFrom.size());
  }

  @Test
  void initializer_engineMakesFreeCiphertexts_rehearsesSuccessfulReEncryptsBeforeAnyRequest() {
    new ApigHandler(setup).initializer(contexts.context);

    assertEquals(rehearsals(5), engineCalls);
    String log = contexts.logText();
    assertEquals(5, log.split("apig re-encrypt 200", -1).length - 1, log);
    assertTrue(log.contains("initializer: ready, request path rehearsed"), log);
  }

  @Test
  void initializer_engineLikeKms_rehearsesOneRefusedReEncrypt() {
    likeKms = true;
    new ApigHandler(setup).initializer(contexts.context);

    assertEquals(rehearsals(1), engineCalls);
    String log = contexts.logText();
    assertTrue(log.contains("apig re-encrypt 400 KMS.2201"), log);
    assertTrue(log.contains("initializer: ready"), log);
  }

  @Test
  void initializer_rehearsal_isBoundedToFiveSecondsWhateverTheInitializerTimeout() {
    new ApigHandler(setup).initializer(contexts.context);

    long given = remainingGiven.get(remainingGiven.size() - 1);
    assertTrue(given > 0 && given <= 5_000, "remaining time given to the engine: " + given);
    assertTrue(contexts.context.getRemainingTimeInMilliSeconds() > 5_000);
  }

  @Test
  void obsInitializer_engineLikeKms_rehearsesOneRefusedReEncryptThroughTheService(
      @TempDir Path objects) {
    likeKms = true;
    obsHandler(objects).initializer(contexts.context);

    assertEquals(rehearsals(1), engineCalls);
    assertTrue(
        contexts.logText().contains("initializer: ready, KMS answered KMS.2201"),
        contexts.logText());
    assertTrue(contexts.logText().contains("obs failed null/initializer"), contexts.logText());
  }

  @Test
  void obsInitializer_engineMakesFreeCiphertexts_rehearsesOneSuccessfulReEncrypt(
      @TempDir Path objects) {
    obsHandler(objects).initializer(contexts.context);

    assertEquals(rehearsals(1), engineCalls);
    assertTrue(
        contexts.logText().contains("initializer: ready, request path rehearsed"),
        contexts.logText());
  }

  @Test
  void obsInitializer_anyStore_warmsUpTheStoresWrites(@TempDir Path objects) {
    AtomicInteger warmUps = new AtomicInteger();
    ObjectStore directory = ObjectStores.directory(objects);
    ObsHandler handler =
        new ObsHandler(
            setup,
            (context, configuration) ->
                new ForwardingObjectStore(directory) {
                  @Override
                  public void warmUpWrites() {
                    warmUps.incrementAndGet();
                  }
                });

    handler.initializer(contexts.context);

    assertEquals(1, warmUps.get());
  }

  private ObsHandler obsHandler(Path objects) {
    return new ObsHandler(setup, (context, configuration) -> ObjectStores.directory(objects));
  }

  /** The engine calls of an initializer whose rehearsal re-encrypts {@code count} times. */
  private static List<String> rehearsals(int count) {
    List<String> calls = new ArrayList<>(List.of("warmUp", "rehearsalCiphertext"));
    calls.addAll(Collections.nCopies(count, "reEncrypt"));
    return calls;
  }

  @Test
  void handleRequest_withoutInitializer_buildsTheSetupLazily() {
    ApigHandler handler = new ApigHandler(setup);

    int status = handler.handleRequest(reEncrypt(), contexts.context).getStatusCode();

    assertEquals(200, status);
    assertEquals(1, builtFrom.size());
    assertEquals(List.of("reEncrypt"), engineCalls);
  }

  @Test
  void initializer_badConfiguration_failsWithTheHandlersOneLine() {
    HandlerContexts bad = new HandlerContexts(Map.of("REENCRYPT_ENGINE", "nonsense"));
    ApigHandler handler = new ApigHandler(new FunctionSetup(Map.of()));

    assertThrows(ConfigurationException.class, () -> handler.initializer(bad.context));
  }

  @Test
  void restoreHook_afterInitializer_replacesRandomSourcesAndDropsCredentials() {
    ObsHandler handler = new ObsHandler(setup, (context, configuration) -> null);
    handler.initializer(contexts.context);
    SecureRandom snapshotRandom = Randomness.source();
    Random snapshotJitter = Jitter.current();

    handler.restoreHook(contexts.context);

    assertNotSame(snapshotRandom, Randomness.source());
    assertNotSame(snapshotJitter, Jitter.current());
    assertTrue(setup.built().isEmpty(), "the engine built with the snapshot's credentials stays");
  }

  @Test
  void restoreHook_nextRequest_buildsFromTheRequestsOwnContext() {
    ApigHandler handler = new ApigHandler(setup);
    handler.initializer(contexts.context);
    handler.restoreHook(contexts.context);
    HandlerContexts afterRestore = new HandlerContexts(Map.of("DESTINATION_KEY_ID", SM4));

    int status = handler.handleRequest(reEncrypt(), afterRestore.context).getStatusCode();

    assertEquals(200, status);
    assertEquals(List.of(contexts.context, afterRestore.context), builtFrom);
  }
}
