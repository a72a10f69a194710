# Unit tests of the server's building blocks, one per production file (no sockets, no threads).
natter_add_test(tst_websocketcodec SOURCES tst_websocketcodec.cpp LIBS natter_server)
natter_add_test(tst_httpmessage SOURCES tst_httpmessage.cpp LIBS natter_server)
natter_add_test(tst_serverconfig SOURCES tst_serverconfig.cpp LIBS natter_server)
natter_add_test(tst_passwords SOURCES tst_passwords.cpp LIBS natter_server ${NATTER_SODIUM})
natter_add_test(tst_restroute SOURCES tst_restroute.cpp LIBS natter_server)
