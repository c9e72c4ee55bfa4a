package cloud.reencrypt.server.apig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApigResponseTest {
  /** A function's answer as a plain map, in member order. */
  private static Map<String, Object> objectOf(Object... namesAndValues) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      object.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return object;
  }

  @Test
  void from_integralStatusOfAnyNumberType_isAccepted() {
    for (Object status : new Object[] {200, 200L, 200.0, new BigDecimal("200.00")}) {
      ApigResponse response =
          ApigResponse.from(objectOf("statusCode", status, "body", "{}")).orElseThrow();

      assertEquals(200, response.statusCode(), status.getClass().getName());
      assertArrayEquals("{}".getBytes(StandardCharsets.UTF_8), response.body());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"200.5", "99", "600", "NaN"})
  void from_statusThatIsNoIntegralHttpStatus_isABadBackendAnswer(String status) {
    Object value = status.equals("NaN") ? Double.NaN : new BigDecimal(status);

    assertTrue(ApigResponse.from(objectOf("statusCode", value)).isEmpty());
  }

  @Test
  void from_statusAsTextOrNestedHeader_isABadBackendAnswer() {
    assertTrue(ApigResponse.from(objectOf("statusCode", "200")).isEmpty());
    assertTrue(
        ApigResponse.from(objectOf("statusCode", 200L, "headers", objectOf("a", Map.of())))
            .isEmpty());
  }
}
