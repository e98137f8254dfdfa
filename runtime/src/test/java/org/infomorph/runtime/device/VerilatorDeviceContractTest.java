package org.infomorph.runtime.device;

import org.infomorph.runtime.sim.RtlLockstepProperties;
import org.infomorph.runtime.sim.VerilatorDevice;

/** L3 keeps the device contract. */
class VerilatorDeviceContractTest extends DeviceContract {
    @Override
    protected Device create() {
        return new VerilatorDevice(2).withCapacityFloor(RtlLockstepProperties.FLOOR);
    }
}
