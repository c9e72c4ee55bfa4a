package cloud.reencrypt.kms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.reencrypt.mapping.JsonMapping;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KmsOperationTest {
  static List<KmsOperation<?, ?>> operations() {
    return new ArrayList<>(KmsOperations.all());
  }

  @ParameterizedTest
  @MethodSource("operations")
  void invoke_anyOperation_callsTheEngineMethodOfItsRequestTypeWithTheParsedRequest(
      KmsOperation<?, ?> operation) {
    AtomicReference<Method> called = new AtomicReference<>();
    AtomicReference<Object> argument = new AtomicReference<>();
    KmsEngine engine =
        engine(
            (method, args) -> {
              called.set(method);
              argument.set(args[0]);
              return null;
            });

    operation.invoke(engine, json(requiredFields(operation)));

    assertNotNull(called.get(), operation.path() + " called no engine method");
    assertEquals(List.of(operation.requestType()), List.of(called.get().getParameterTypes()));
    assertEquals(operation.requestType(), argument.get().getClass());
  }

  @Test
  void invoke_reEncrypt_returnsTheEnginesResponse() {
    ReEncryptResponse answer = new ReEncryptResponse("k", "s", "a", "b", "c");
    KmsEngine engine =
        engine((method, args) -> method.getName().equals("reEncrypt") ? answer : null);

    assertSame(
        answer,
        KmsOperations.RE_ENCRYPT.invoke(engine, json(requiredFields(KmsOperations.RE_ENCRYPT))));
  }

  @ParameterizedTest
  @MethodSource("operations")
  void invoke_engineThrowsKmsException_theSameExceptionReachesTheCaller(
      KmsOperation<?, ?> operation) {
    KmsException refusal = KmsError.KEY_NOT_FOUND.exception("k");
    KmsEngine engine =
        engine(
            (method, args) -> {
              throw refusal;
            });

    KmsException thrown =
        assertThrows(
            KmsException.class, () -> operation.invoke(engine, json(requiredFields(operation))));

    assertSame(refusal, thrown);
  }

  @ParameterizedTest
  @MethodSource("operations")
  void parse_requiredFieldMissing_isKms0204NamingTheField(KmsOperation<?, ?> operation) {
    for (String field : operation.requiredFields()) {
      Map<String, Object> body = requiredFields(operation);
      body.remove(field);

      KmsException e = assertThrows(KmsException.class, () -> operation.parse(json(body)));

      assertEquals(KmsError.MISSING_PARAMETER.code(), e.errorCode());
      assertEquals(true, e.errorMsg().contains(field), e.errorMsg());
    }
  }

  @ParameterizedTest
  @MethodSource("operations")
  void parse_fieldOfAnotherType_isInvalidParameter(KmsOperation<?, ?> operation) {
    for (String field : operation.requiredFields()) {
      Map<String, Object> body = requiredFields(operation);
      body.put(field, 7L);

      KmsException e = assertThrows(KmsException.class, () -> operation.parse(json(body)));

      assertEquals(KmsError.INVALID_PARAMETER.code(), e.errorCode());
    }
  }

  private interface Answer {
    Object answer(Method method, Object[] args);
  }

  private static KmsEngine engine(Answer answer) {
    return (KmsEngine)
        Proxy.newProxyInstance(
            KmsEngine.class.getClassLoader(),
            new Class<?>[] {KmsEngine.class},
            (proxy, method, args) -> answer.answer(method, args));
  }

  private static byte[] json(Map<String, Object> body) {
    return JsonMapping.write(body).getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, Object> requiredFields(KmsOperation<?, ?> operation) {
    Map<String, Object> body = new HashMap<>();
    for (String field : operation.requiredFields()) {
      body.put(field, "v");
    }
    return body;
  }
}
