package org.infomorph.runtime.device;

import org.infomorph.runtime.reference.ReferenceDevice;

/** L2 keeps the device contract. */
class ReferenceDeviceContractTest extends DeviceContract {
    @Override
    protected Device create() {
        return new ReferenceDevice();
    }
}
