package dev.sevaswarm.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sevaswarm.cases.Playbook.Task;
import dev.sevaswarm.cases.Playbook.Var;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The case board, case page and SLA report in headless Chromium, behind the webapps' login. */
class BoardBrowserTest extends AppTestSupport {

  @Autowired dev.sevaswarm.people.Profiles profiles;

  @Autowired dev.sevaswarm.cases.CaseRepository cases;

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

  @Test
  void anEngineerWithoutATaskCommentsInTheRoom_andTheOwnerSeesItWithoutReloading() throws Exception {
    String caseId = openSevACase("Room: stores cannot open").getBusinessKey();
    takeOwnership(caseId, "eng-network",
        org.camunda.bpm.engine.variable.Variables.createVariables().putValue(Var.NEXT_ACTION, "Read the firewall change log"),
        "network");

    try (Chromium owner = new Chromium(baseUrl())) {
      owner.logIn("eng-network");
      owner.open("/board/cases/" + caseId);
      owner.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("next-action-text"),
          "Read the firewall change log"));
      assertThat(owner.driver.findElement(By.id("investigations")).getText()).contains("network", "Open");
      String ownerPage = (String) ((org.openqa.selenium.JavascriptExecutor) owner.driver)
          .executeScript("return window.performance.timeOrigin.toString()");

      try (Chromium teammate = new Chromium(baseUrl())) {
        teammate.logIn("eng-storage");
        teammate.open("/board/cases/" + caseId);
        WebElement box = teammate.wait.until(ExpectedConditions.elementToBeClickable(By.id("comment-text")));
        box.sendKeys("Did you check the firewall rule pushed at 05:00? @eng-network");
        teammate.driver.findElement(By.cssSelector("#comment-form button")).click();
        teammate.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"),
            "Did you check the firewall rule pushed at 05:00?"));
        teammate.save("room-teammate");
      }

      owner.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"),
          "Did you check the firewall rule pushed at 05:00?"));
      assertThat(owner.driver.findElement(By.id("timeline")).getText()).contains("Sam Storage");
      assertThat((String) ((org.openqa.selenium.JavascriptExecutor) owner.driver)
          .executeScript("return window.performance.timeOrigin.toString()")).as("the same page, not reloaded")
          .isEqualTo(ownerPage);
      owner.save("room-owner");

      // the owner gives credit: the teammate's comment is marked helpful, for everyone to see
      WebElement helpful = owner.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".mark-helpful")));
      assertThat(owner.driver.findElements(By.cssSelector(".mark-helpful"))).as("only others' comments and findings")
          .hasSize(1);
      helpful.click();
      owner.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#timeline .helpful"),
          "★ helpful"));
      assertThat(owner.driver.findElements(By.cssSelector(".mark-helpful"))).isEmpty();
      owner.save("room-helpful");

      // "Open the case's tasks in Tasklist" lands on this case's tasks for this person
      owner.driver.findElement(By.linkText("Open the case's tasks in Tasklist")).click();
      owner.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".tasks-list"),
          caseId + " · Investigate network"));
      owner.save("room-tasklist-link");
    }
  }

  @Test
  void anAuditorLogsInWhereTheBoardSendsThem_andReadsACasesAuditTrail() throws Exception {
    String caseId = openSevACase("Audit page: stores cannot open").getBusinessKey();
    awaitTask(caseId, Task.TAKE_OWNERSHIP);

    try (Chromium chromium = new Chromium(baseUrl())) {
      chromium.logInOnWelcome("auditor");
      chromium.open("/board/cases/" + caseId);
      chromium.wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Audit trail"))).click();
      chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("audit")));
      String trail = chromium.driver.findElement(By.id("audit")).getText();
      assertThat(trail).contains("process started", "Ida Intake", "Take ownership");
      assertThat(chromium.driver.findElement(By.linkText("Download as CSV")).getAttribute("href"))
          .endsWith("/api/cases/" + caseId + "/audit?format=csv");
      chromium.save("board-audit");
    }
  }

  @Test
  void theRoomSpeaksTheViewersLanguage_andShowsTimesInTheirOwnZone() throws Exception {
    String caseId = openSevACase("Room: a Tokyo engineer").getBusinessKey();
    awaitTask(caseId, Task.TAKE_OWNERSHIP);
    String due = cases.find(caseId).orElseThrow().firstResponseDue().toString();

    try (Chromium tokyo = new Chromium(baseUrl(), "ja", "Asia/Tokyo")) {
      tokyo.logIn("eng-network");
      tokyo.open("/board/cases/" + caseId);
      org.openqa.selenium.WebElement firstResponseDue = tokyo.wait.until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector(".facts [data-time]:not([data-time=''])")));
      String expected = java.time.OffsetDateTime.parse(due).atZoneSameInstant(java.time.ZoneId.of("Asia/Tokyo"))
          .format(java.time.format.DateTimeFormatter.ofPattern("H:mm"));
      tokyo.wait.until(d -> d.findElement(By.cssSelector(".facts")).getText().contains("JST"));
      assertThat(tokyo.driver.findElement(By.cssSelector(".facts")).getText()).contains(expected);
      assertThat(firstResponseDue.getAttribute("title")).as("the exact time stays at hand").isNotBlank();
      // the board's own words come from the bundles, in the viewer's language
      assertThat(tokyo.driver.findElement(By.cssSelector(".facts")).getText()).contains("初回回答期限", "状態");
      assertThat(tokyo.driver.findElement(By.cssSelector("header")).getText()).contains("ボード", "eng-network としてログイン中");
      // and so do the room's placeholders, including what its live script writes once it has refreshed
      tokyo.wait.until(d -> d.findElement(By.id("live")).getText().startsWith("ライブ ·"));
      assertThat(tokyo.driver.findElement(By.id("room")).getText())
          .contains("次のアクションはまだありません", "調査結果はまだありません。", "未確定", "受付済み")
          .doesNotContain("No next action yet", "not decided yet", "No findings yet");
      // the thread: what the playbook wrote, and what kind of entry it is, in Japanese after the refresh too
      assertThat(tokyo.driver.findElement(By.id("timeline")).getText())
          .contains("受付", "Sev A のケースを受け付けました（Contoso Retail）：Room: a Tokyo engineer")
          .doesNotContain("CASE_OPENED", "case opened for")
          .as("a time inside an entry is shown in the viewer's zone, not as ISO-8601")
          .contains("初回応答期限 2026年").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:");
      // the countdown too
      tokyo.wait.until(d -> d.findElement(By.cssSelector(".facts .countdown")).getText().startsWith("あと "));
      assertThat(tokyo.driver.findElement(By.cssSelector(".facts .countdown")).getText()).contains("分", "秒");
      tokyo.save("room-tokyo");
    }
  }

  @Test
  void someoneWithAProfile_seesTimesInTheProfilesZone_whateverTheirBrowserSays() throws Exception {
    String caseId = openSevACase("Room: a Tokyo engineer on a Dublin laptop").getBusinessKey();
    awaitTask(caseId, Task.TAKE_OWNERSHIP);
    String due = cases.find(caseId).orElseThrow().firstResponseDue().toString();
    profiles.save(new dev.sevaswarm.people.Profile("eng-app", java.util.Map.of("application", 3), java.util.List.of(),
        java.time.ZoneId.of("Asia/Tokyo"), dev.sevaswarm.people.WorkingHours.OFFICE, true), "test");
    try (Chromium travelling = new Chromium(baseUrl(), "en", "Europe/Dublin")) {
      travelling.logIn("eng-app");
      travelling.open("/board/cases/" + caseId);
      travelling.wait.until(d -> d.findElement(By.cssSelector(".facts")).getText().contains("GMT+9"));
      String expected = java.time.OffsetDateTime.parse(due).atZoneSameInstant(java.time.ZoneId.of("Asia/Tokyo"))
          .format(java.time.format.DateTimeFormatter.ofPattern("hh:mm"));
      assertThat(travelling.driver.findElement(By.cssSelector(".facts")).getText()).contains(expected);
    }
  }

  @Test
  void aDutyManagerKeepsProfilesOnThePeoplePage_andTheRoomSaysWhoToAsk() throws Exception {
    String caseId = openSevACase("People: who knows guest OS?").getBusinessKey();
    try (Chromium manager = new Chromium(baseUrl())) {
      manager.logIn("duty-manager");
      manager.open("/board/people");
      WebElement user = manager.wait.until(ExpectedConditions.elementToBeClickable(By.id("p-user")));
      user.sendKeys("eng-os");
      WebElement zone = manager.driver.findElement(By.id("p-zone"));
      zone.clear();
      zone.sendKeys("Europe/Dublin");
      WebElement skill = manager.driver.findElement(By.cssSelector(".p-skill[data-area='guest-os']"));
      skill.clear();
      skill.sendKeys("3");
      manager.driver.findElement(By.id("p-services")).sendKeys("sql, pos");
      manager.driver.findElement(By.id("p-away")).click(); // on leave: suggested, never invited
      manager.driver.findElement(By.cssSelector("#profile-form button[type=submit]")).click();
      manager.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#people tr[data-user='eng-os']")));
      assertThat(manager.driver.findElement(By.cssSelector("#people tr[data-user='eng-os']")).getText())
          .contains("Oskar Guest OS", "away", "guest-os 3", "sql, pos", "09:00–18:00 MON TUE WED THU FRI (Europe/Dublin)")
          .doesNotContain("storage 0");
      manager.save("people");
      manager.driver.findElement(By.linkText("Oskar Guest OS")).click();
      manager.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("credit")));
      assertThat(manager.driver.findElement(By.id("credit")).getText()).contains("In all");

      manager.open("/board/cases/" + caseId);
      manager.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("who-to-ask")));
      assertThat(manager.driver.findElement(By.id("who-to-ask")).getText()).contains("guest-os", "Oskar Guest OS");
    }
  }
}
