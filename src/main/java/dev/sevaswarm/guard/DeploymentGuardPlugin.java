package dev.sevaswarm.guard;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/** Puts the {@link DeploymentGuard} in front of the engine's own deployers. */
@Component
public class DeploymentGuardPlugin extends AbstractProcessEnginePlugin {

  private final ListableBeanFactory beans;

  public DeploymentGuardPlugin(ListableBeanFactory beans) {
    this.beans = beans;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> before = configuration.getCustomPreDeployers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
    before.add(0, new DeploymentGuard(beans));
    configuration.setCustomPreDeployers(before);
  }
}
