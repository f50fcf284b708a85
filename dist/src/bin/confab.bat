@echo off
rem Confab launcher for Windows: confab start [--config FILE] [--set key=value ...], confab stop, confab admin ...
setlocal
set "APP_HOME=%~dp0.."
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java") else (set "JAVA=java")
rem The default JVM options are conf\jvm.options, one per line, # starting a comment.
if not defined CONFAB_OPTS for /f "usebackq eol=# tokens=* delims=" %%o in ("%APP_HOME%\conf\jvm.options") do call set "CONFAB_OPTS=%%CONFAB_OPTS%% %%o"
rem Only the server logs to logs\; the other commands keep standard output for their results.
if /i "%~1"=="start" (set "LOG_CONFIG=%APP_HOME%\conf\logback.xml") else (set "LOG_CONFIG=%APP_HOME%\conf\logback-cli.xml")
"%JAVA%" %CONFAB_OPTS% "-Dconfab.home=%APP_HOME%" "-Dlogback.configurationFile=%LOG_CONFIG%" -cp "%APP_HOME%\lib\*" org.confab.server.Main %*
