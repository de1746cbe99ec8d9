package dev.sevaswarm.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Outside the demo profile no default password exists, not even the one Camunda would make up. */
class FirstAdminGuardTest {

  @Test
  void noAdministratorConfigured_isFine() {
    assertThatCode(() -> FirstAdminGuard.check(new MockEnvironment())).doesNotThrowAnyException();
  }

  @Test
  void administratorWithItsOwnPassword_isFine() {
    assertThatCode(() -> FirstAdminGuard.check(new MockEnvironment()
        .withProperty("camunda.bpm.admin-user.id", "ops")
        .withProperty("camunda.bpm.admin-user.password", "s3cret-from-vault")))
        .doesNotThrowAnyException();
  }

  @Test
  void administratorWithoutPassword_stopsStartUp() {
    assertThatThrownBy(() -> FirstAdminGuard.check(new MockEnvironment()
        .withProperty("camunda.bpm.admin-user.id", "ops")))
        .hasMessageContaining("CAMUNDA_BPM_ADMINUSER_PASSWORD");
  }

  @Test
  void administratorWithTheDemoPasswordOrItsIdAsPassword_stopsStartUp() {
    assertThatThrownBy(() -> FirstAdminGuard.check(new MockEnvironment()
        .withProperty("camunda.bpm.admin-user.id", "ops").withProperty("camunda.bpm.admin-user.password", "demo")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> FirstAdminGuard.check(new MockEnvironment()
        .withProperty("camunda.bpm.admin-user.id", "ops").withProperty("camunda.bpm.admin-user.password", "ops")))
        .isInstanceOf(IllegalStateException.class);
  }
}
