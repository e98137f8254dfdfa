# Arty A7-35 (xc7a35ticsg324-1L): pins of the board top BoardTop (docs/host-link.md).
# 100 MHz oscillator; FT2232HQ UART (uart_txd_in into the FPGA, uart_rxd_out out of it);
# ck_rst (active low) as reset; LD4..LD6 (led[0..2], active high).
set_property -dict { PACKAGE_PIN E3  IOSTANDARD LVCMOS33 } [get_ports { clk }];
create_clock -add -name sys_clk_pin -period 10.00 -waveform {0 5} [get_ports { clk }];
set_property -dict { PACKAGE_PIN C2  IOSTANDARD LVCMOS33 } [get_ports { btn_n }];
set_property -dict { PACKAGE_PIN A9  IOSTANDARD LVCMOS33 } [get_ports { rx }];
set_property -dict { PACKAGE_PIN D10 IOSTANDARD LVCMOS33 } [get_ports { tx }];
set_property -dict { PACKAGE_PIN H5  IOSTANDARD LVCMOS33 } [get_ports { led_busy }];
set_property -dict { PACKAGE_PIN J5  IOSTANDARD LVCMOS33 } [get_ports { led_error }];
set_property -dict { PACKAGE_PIN T9  IOSTANDARD LVCMOS33 } [get_ports { led_alive }];
