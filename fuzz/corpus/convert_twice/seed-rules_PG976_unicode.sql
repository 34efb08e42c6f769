select U&'caf\00e9' as word
