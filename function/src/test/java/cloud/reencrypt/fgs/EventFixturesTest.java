package cloud.reencrypt.fgs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.reencrypt.fgs.local.LocalContext;
import cloud.reencrypt.fgs.local.LocalInvoker;
import cloud.reencrypt.fgs.local.RuntimeJson;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStores;
import cloud.reencrypt.testing.EventFixture;
import cloud.reencrypt.testing.EventFixtures;
import cloud.reencrypt.testing.FixtureAssertions;
import cloud.reencrypt.testing.FixtureObjects;
import cloud.reencrypt.testing.GsonRuntime;
import cloud.reencrypt.testing.JacksonOracle;
import cloud.reencrypt.testing.RepoPaths;
import com.fasterxml.jackson.databind.JsonNode;
import com.huawei.services.runtime.entity.apig.APIGTriggerEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Runs every committed event through the handler its shape calls for, twice: as {@code invoke} does
 * (our runtime mapping, {@link RuntimeJson}, through the text {@code invoke} prints) and as
 * FunctionGraph does (Gson in, Gson out: {@link GsonRuntime}). Both must give {@code
 * name.expected.json}; fresh ciphertexts and request IDs are checked by property, OBS outputs read
 * back from the store. The same fixtures run against the FunctionGraph package in {@code
 * FunctionGraphJarIT}.
 */
class EventFixturesTest {
  @TempDir Path invokeObjects;
  @TempDir Path gsonObjects;

  @ParameterizedTest(name = "{0}")
  @EventFixtures
  void invoke_committedEvent_returnsExpected(EventFixture fixture) throws Exception {
    ObjectStore store = store(invokeObjects);
    LocalContext context = context();

    String printed =
        RuntimeJson.write(
            new LocalInvoker(store).invoke(Files.readString(fixture.file()), context));

    FixtureAssertions.assertResult(
        fixture, JacksonOracle.read(printed), context.getRequestID(), store);
  }

  @ParameterizedTest(name = "{0}")
  @EventFixtures
  void functionGraphRuntime_committedEvent_returnsExpected(EventFixture fixture) throws Exception {
    ObjectStore store = store(gsonObjects);
    LocalContext context = context();
    Object handler =
        FixtureAssertions.isApig(fixture) ? new ApigHandler() : ObsHandler.withStore(store);

    String answer =
        GsonRuntime.of(handler, LocalInvoker.METHOD)
            .call(Files.readString(fixture.file()), context);

    JsonNode actual = JacksonOracle.read(answer);
    FixtureAssertions.assertResult(fixture, actual, context.getRequestID(), store);
  }

  @ParameterizedTest(name = "{0}")
  @EventFixtures
  void runtimeJson_committedEvent_bindsAsGsonDoes(EventFixture fixture) throws Exception {
    String text = Files.readString(fixture.file());
    Class<?> type = FixtureAssertions.isApig(fixture) ? APIGTriggerEvent.class : Map.class;

    Object ours = RuntimeJson.event(text, type);
    Object gsons = GsonRuntime.GSON.fromJson(text, type);

    // Written back by Gson, so both sides are read the one way the platform reads them.
    assertEquals(GsonRuntime.GSON.toJson(gsons), GsonRuntime.GSON.toJson(ours));
    if (type == Map.class) {
      assertEquals(gsons, ours, "maps, lists and Doubles");
    }
  }

  private static ObjectStore store(Path directory) throws Exception {
    FixtureObjects.copyTo(directory);
    return ObjectStores.directory(directory);
  }

  private static LocalContext context() {
    return LocalContext.forUserData(
        Map.of("REENCRYPT_KEYSTORE", RepoPaths.demoKeystore().toString()));
  }
}
