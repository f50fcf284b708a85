@echo off
rem Confab launcher for Windows: confab start [--config FILE] [--set key=value ...], confab stop, confab admin ...
setlocal
set "APP_HOME=%~dp0.."
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java") else (set "JAVA=java")
if not defined CONFAB_OPTS set "CONFAB_OPTS=-Xms64m -Xmx1g -XX:+UseG1GC -XX:MaxHeapFreeRatio=20 -XX:MinHeapFreeRatio=5 -XX:+ExitOnOutOfMemoryError"
rem Only the server logs to logs\; the other commands keep standard output for their results.
if /i "%~1"=="start" (set "LOG_CONFIG=%APP_HOME%\conf\logback.xml") else (set "LOG_CONFIG=%APP_HOME%\conf\logback-cli.xml")
"%JAVA%" %CONFAB_OPTS% "-Dconfab.home=%APP_HOME%" "-Dlogback.configurationFile=%LOG_CONFIG%" -cp "%APP_HOME%\lib\*" org.confab.server.Main %*
