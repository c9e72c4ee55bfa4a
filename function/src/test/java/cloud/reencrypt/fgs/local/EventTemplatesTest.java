package cloud.reencrypt.fgs.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.reencrypt.fgs.local.EventTemplates.ObsShape;
import cloud.reencrypt.testing.RepoPaths;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventTemplatesTest {
  @ParameterizedTest
  @EnumSource(ObsShape.class)
  void obsShapeOf_generatedEvent_isItsShape(ObsShape shape) {
    String event = RuntimeJson.writeLine(EventTemplates.obs(shape, "bucket", "k", "e", 1));

    assertEquals(Optional.of(shape), ObsShape.of(RuntimeJson.event(event, Object.class)));
  }

  @Test
  void obsShapeOf_fixturesAndOtherEvents_shapeOrEmpty() throws Exception {
    assertEquals(Optional.of(ObsShape.OBS), ObsShape.of(fixture("obs/obs-ciphertext.json")));
    assertEquals(Optional.empty(), ObsShape.of(fixture("apig/re-encrypt-aes-data.json")));
    assertEquals(Optional.empty(), ObsShape.of(Map.of("Records", List.of())));
    assertEquals(Optional.empty(), ObsShape.of("text"));
  }

  private static Object fixture(String name) throws Exception {
    return RuntimeJson.event(Files.readString(RepoPaths.events().resolve(name)), Object.class);
  }
}
