package dev.sevaswarm.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sevaswarm.cases.Playbook.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The case board, case page and SLA report in headless Chromium, behind the webapps' login. */
class BoardBrowserTest extends AppTestSupport {

  @Test
  void aDutyManagerSeesTheBoardACaseAndTheSlaReport() throws Exception {
    String caseId = openSevACase("Board: stores cannot open").getBusinessKey();
    awaitTask(caseId, Task.TAKE_OWNERSHIP);

    try (Chromium chromium = new Chromium(baseUrl())) {
      chromium.open("/board");
      chromium.wait.until(ExpectedConditions.urlContains("/camunda/app/welcome"));

      chromium.logIn("duty-manager");
      chromium.open("/board");
      WebElement row = chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("tr[data-case='" + caseId + "']")));
      assertThat(row.getText()).contains("Contoso Retail", "Board: stores cannot open", "first response");
      WebElement countdown = row.findElement(By.cssSelector(".countdown"));
      chromium.wait.until(d -> countdown.getText().startsWith("in "));
      String first = countdown.getText();
      chromium.wait.until(d -> !countdown.getText().equals(first));
      chromium.save("board");

      row.findElement(By.linkText(caseId)).click();
      chromium.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "case opened"));
      assertThat(chromium.driver.findElement(By.cssSelector(".links")).getText())
          .contains("Open the case's tasks in Tasklist", "The swarm in Cockpit");
      assertThat(chromium.driver.findElement(By.cssSelector(".facts")).getText()).contains("RAPID_RESPONSE");
      chromium.save("board-case");

      chromium.open("/board/sla");
      chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("attainment")));
      assertThat(chromium.driver.findElement(By.id("attainment")).getText()).contains("RAPID_RESPONSE");
      chromium.save("board-sla");
    }
  }
}
