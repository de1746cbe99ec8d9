package dev.sevaswarm.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of the isolation-routing table: which group investigates which area. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsolationRoutingTableTest {

  private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private DmnDecision decision;

  @BeforeAll
  void parse() throws Exception {
    try (InputStream table = getClass().getResourceAsStream("/isolation-routing.dmn")) {
      decision = dmn.parseDecision("isolation-routing", table);
    }
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "platform, platform", "host, platform", "hypervisor, platform",
      "storage, storage", "disk, storage", "backup, storage",
      "network, network", "firewall, network", "dns, network", "load-balancer, network",
      "guest-os, guest-os", "os, guest-os",
      "application, application", "database, application",
      "quantum-flux, sev-a-engineers",
  })
  void routesTheAreaToItsGroup(String area, String group) {
    Object candidateGroup = dmn.evaluateDecisionTable(decision, Variables.createVariables().putValue("area", area))
        .getSingleEntry();
    assertThat(candidateGroup).isEqualTo(group);
  }
}
