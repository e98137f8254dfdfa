package org.infomorph.runtime.device;

import org.infomorph.runtime.fpga.FpgaDevice;
import org.infomorph.runtime.fpga.SimBoard;
import org.infomorph.runtime.sim.RtlLockstepProperties;

/** L4 on the simulated board keeps the device contract: the board top in Verilator, driven over its UART by FpgaDevice. */
class SimBoardContractTest extends DeviceContract {
    @Override
    protected Device create() {
        return FpgaDevice.simulated(2, SimBoard.Faults.NONE).withCapacityFloor(RtlLockstepProperties.FLOOR);
    }
}
