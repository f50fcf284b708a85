@echo off
rem Confab launcher for Windows: confab start [--config FILE] [--set key=value ...]
setlocal
set "APP_HOME=%~dp0.."
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java") else (set "JAVA=java")
if not defined CONFAB_OPTS set "CONFAB_OPTS=-Xms64m -Xmx1g -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError"
"%JAVA%" %CONFAB_OPTS% "-Dconfab.home=%APP_HOME%" "-Dlogback.configurationFile=%APP_HOME%\conf\logback.xml" -cp "%APP_HOME%\lib\*" org.confab.server.Main %*
