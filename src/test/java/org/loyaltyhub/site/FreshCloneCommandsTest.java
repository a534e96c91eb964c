package org.loyaltyhub.site;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's two commands, as someone who has just cloned the repository runs them. */
class FreshCloneCommandsTest {

    private static List<String> readmeCommands() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String block = readme.substring(readme.indexOf("```bash\n") + 8);
        return block.substring(0, block.indexOf("```")).lines().toList();
    }

    @Test
    void theFirstCommandStartsTheServerWithoutCompilingTheTests() throws IOException {
        // spring-boot:run forks the lifecycle up to test-compile: the tests and their dependencies, minutes on a clone
        assertThat(readmeCommands().getFirst()).startsWith("./mvnw -Dmaven.test.skip spring-boot:run");
    }

    @Test
    void theSecondCommandIsTheOneCiRunsAndSaysWhatAFreshMachineLacks(@TempDir Path bin) throws Exception {
        assertThat(readmeCommands().get(1)).startsWith("bin/test ");
        assertThat(Files.readString(Path.of(".ci/run"))).contains("exec bin/test");

        // a machine with none of the tools the tests need (no Chromium, PHP, phpunit, zip) and no right to install
        for (String tool : List.of("ls", "grep", "dirname", "id")) {
            Path real = Path.of("/usr/bin", tool);
            Files.createSymbolicLink(bin.resolve(tool), Files.exists(real) ? real : Path.of("/bin", tool));
        }
        ProcessBuilder fresh = new ProcessBuilder("/bin/bash", "bin/test", "--check").redirectErrorStream(true);
        fresh.environment().put("PATH", bin.toString());
        Process run = fresh.start();
        assertThat(run.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String said = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.exitValue()).as(said).isEqualTo(1);
        assertThat(said).contains("chromium", "php-cli", "phpunit", "zip");
    }
}
