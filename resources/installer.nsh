; Included by electron-builder's NSIS script (electron-builder.yml nsis.include).
; The uninstaller keeps the user's data unless asked: one question, "No" by default and in
; silent uninstalls, never asked when the uninstall is part of an update.
!macro customUnInstall
  ${ifNot} ${isUpdated}
    MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 "Eliminare anche i dati di Bottega (database, documenti, backup) in $APPDATA\Bottega?$\r$\n$\r$\nAlso delete Bottega's data (database, documents, backups) in $APPDATA\Bottega?" /SD IDNO IDNO bottegaKeepData
      RMDir /r "$APPDATA\Bottega"
    bottegaKeepData:
  ${endIf}
!macroend
