package dev.sevaswarm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sevaswarm.cases.Playbook.Task;
import dev.sevaswarm.cases.Playbook.Var;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The real Tasklist in headless Chromium (Debian's chromium and chromium-driver): an engineer
 * takes a Sev A case on its Camunda Form, and the investigation lands in another area's list.
 */
class TasklistBrowserTest extends AppTestSupport {

  @Autowired HistoryService history;

  @Autowired dev.sevaswarm.people.Profiles profiles;

  /** Ticks a checkbox, brought up from under Tasklist's footer first (the form is longer than the window). */
  private static void tick(WebDriver browser, String label) {
    WebElement box = browser.findElement(By.xpath("//label[normalize-space(.)='" + label + "']/input[@type='checkbox']"));
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
    box.click();
  }

  @Test
  void engineerTakesOwnershipOnTheFormAndStorageGetsItsInvestigation() throws Exception {
    // case text is shown as text: a Markdown link typed into the title must not become a live link
    // Sam keeps a profile (on leave, so never invited): the form says who to ask about storage
    profiles.save(new dev.sevaswarm.people.Profile("eng-storage", java.util.Map.of("storage", 3), java.util.List.of(),
        java.time.ZoneId.of("Europe/Dublin"), dev.sevaswarm.people.WorkingHours.OFFICE, true), "test");
    ProcessInstance request = openSevACase("Browser: stores cannot open [details](https://evil.example/login)");
    String caseId = request.getBusinessKey();
    org.camunda.bpm.engine.task.Task take = awaitTask(caseId, Task.TAKE_OWNERSHIP);

    try (Chromium chromium = new Chromium(baseUrl())) {
      WebDriver browser = chromium.driver;
      WebDriverWait wait = chromium.wait;
      chromium.logIn("eng-network");
      browser.get(baseUrl() + "/camunda/app/tasklist/default/#/?task=" + take.getId());
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));

      WebElement firstResponse = wait.until(
          ExpectedConditions.elementToBeClickable(By.cssSelector("textarea.fjs-textarea:not([disabled])")));
      assertThat(browser.findElement(By.cssSelector("input[id$='Field_Case_title']")).getAttribute("value"))
          .isEqualTo("Browser: stores cannot open [details](https://evil.example/login)");
      assertThat(browser.findElements(By.cssSelector(".fjs-form a[href*='evil.example']"))).isEmpty();
      firstResponse.sendKeys("We are on it: network and storage are investigating in parallel.");
      assertThat(browser.findElement(By.cssSelector("textarea[id$='Field_TakeOwnership_expertSuggestions']"))
          .getAttribute("value")).contains("storage: Sam Storage (off shift, storage skill 3)");
      tick(browser, "Network / firewall");
      tick(browser, "Storage");
      WebElement date = browser.findElement(By.cssSelector("input.flatpickr-input"));
      date.sendKeys("12/31/2030");
      date.sendKeys(Keys.ENTER);
      WebElement time = browser.findElement(By.cssSelector("input[placeholder='hh:mm']"));
      time.sendKeys("10:00");
      time.sendKeys(Keys.TAB);
      chromium.save("take-ownership-filled");
      WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(
          By.cssSelector("button[ng-click='complete()']")));
      // the form is longer than the window: bring the button up from under Tasklist's footer
      ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
          "arguments[0].scrollIntoView({block: 'center'})", complete);
      complete.click();

      await().until(() -> tasks.createTaskQuery().taskId(take.getId()).count() == 0);
      assertThat(history.createHistoricTaskInstanceQuery().taskId(take.getId()).singleResult().getAssignee())
          .isEqualTo("eng-network");
      org.camunda.bpm.engine.task.Task storage = await().until(() -> tasks.createTaskQuery()
          .processInstanceBusinessKey(caseId).taskDefinitionKey(Task.INVESTIGATE_AREA).taskCandidateGroup("storage")
          .singleResult(), java.util.Objects::nonNull);
      assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(Task.INVESTIGATE_AREA)
          .taskCandidateGroup("network").count()).isEqualTo(1);
      assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(storage.getProcessInstanceId())
          .variableName(Var.NEXT_CONTACT_AT).singleResult().getValue()).isEqualTo("2030-12-31T10:00:00Z");

      // a storage engineer finds the new investigation in their saved filter
      chromium.logIn("eng-storage");
      wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Investigations for my area"))).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".tasks-list"),
          caseId + " · Investigate storage"));
      // every filter shows its count, not only the open one
      wait.until(d -> d.findElement(By.cssSelector(".task-filters")).getText()
          .matches("(?s).*Sev A cases to take \\(\\d+\\).*My Sev A cases \\(\\d+\\).*Investigations for my area \\([1-9]\\d*\\).*"));
      chromium.save("storage-investigations");
      browser.get(baseUrl() + "/camunda/app/tasklist/default/#/?task=" + storage.getId());
      wait.until(ExpectedConditions.attributeToBe(By.cssSelector("input[id$='Field_Case_area']"), "value", "storage"));
      chromium.save("storage-investigation-form");
    }
  }

  @Test
  void tasklistSpeaksJapanese_toABrowserThatPrefersIt() throws Exception {
    String caseId = openSevACase("Browser: 日本語のタスクリスト").getBusinessKey();
    org.camunda.bpm.engine.task.Task take = awaitTask(caseId, Task.TAKE_OWNERSHIP);
    try (Chromium chromium = new Chromium(baseUrl(), "ja")) {
      chromium.driver.get(baseUrl() + "/camunda/app/tasklist/default/");
      chromium.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"), "ログイン"));
      chromium.logIn("eng-network");
      chromium.driver.get(baseUrl() + "/camunda/app/tasklist/default/#/?task=" + take.getId());
      chromium.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"), "プロセスを開始"));
      chromium.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("button.claim"), "担当する"));
      chromium.save("tasklist-ja");
    }
  }

  @Test
  void cockpitAndAdminSpeakJapanese_whereOurGlossaryHasTheWords() throws Exception {
    try (Chromium chromium = new Chromium(baseUrl(), "ja")) {
      chromium.driver.get(baseUrl() + "/camunda/app/cockpit/default/");
      chromium.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"), "ログイン"));
      chromium.logIn("admin");
      chromium.driver.get(baseUrl() + "/camunda/app/cockpit/default/#/dashboard");
      chromium.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"),
          "実行中のプロセスインスタンス"));
      chromium.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"), "ディシジョン定義"));
      chromium.save("cockpit-ja");
      // as a person goes: Admin's start page first, then its users. Opened straight at the users page,
      // Admin sets that page's title before its words have arrived now and then, and the breadcrumb
      // keeps the label's key (USERS_USERS): a race in Camunda's Admin between a page and its words
      chromium.driver.get(baseUrl() + "/camunda/app/admin/default/#/");
      chromium.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"), "ユーザー"));
      chromium.driver.get(baseUrl() + "/camunda/app/admin/default/#/users");
      chromium.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"), "ユーザー"));
      chromium.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"), "グループ"));
      // the page's title is set once the translations are in: no label key shows
      try {
        chromium.wait.until(d -> !d.findElement(By.cssSelector("body")).getText().contains("USERS_USERS"));
      } finally {
        chromium.save("admin-ja");
      }
    }
  }
}
