package cloud.reencrypt.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformTest {
  @Test
  void isFunctionGraph_anyRuntimeMarker_isDetected() {
    for (String marker : Platform.MARKERS) {
      assertTrue(Platform.isFunctionGraph(Map.of(marker, "x")), marker);
    }
  }

  @Test
  void isFunctionGraph_laptopEnvironmentWithProjectId_isNotDetected() {
    assertFalse(Platform.isFunctionGraph(Map.of("RUNTIME_PROJECT_ID", "p", "HOME", "/root")));
    assertFalse(Platform.isFunctionGraph(Map.of("RUNTIME_FUNC_NAME", "")));
  }
}
