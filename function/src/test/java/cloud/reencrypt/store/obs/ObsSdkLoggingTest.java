package cloud.reencrypt.store.obs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.junit.jupiter.api.Test;

/** The OBS SDK's Log4j output must never land on standard output, where {@code invoke} prints. */
class ObsSdkLoggingTest {
  @Test
  void log4jConfiguration_obsSdkLoggers_writeErrorsOnlyToStandardError() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Configuration configuration = context.getConfiguration();

    List<ConsoleAppender> consoles =
        configuration.getAppenders().values().stream()
            .filter(ConsoleAppender.class::isInstance)
            .map(ConsoleAppender.class::cast)
            .toList();
    assertFalse(consoles.isEmpty());
    consoles.forEach(
        console -> assertEquals(ConsoleAppender.Target.SYSTEM_ERR, console.getTarget()));
    assertEquals(Level.ERROR, context.getLogger("com.obs.services.ObsClient").getLevel());
  }
}
