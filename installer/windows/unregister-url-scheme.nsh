; Included into the uninstaller: removes what register-url-scheme.nsh wrote.
DeleteRegKey SHCTX "Software\Classes\natter"
